package dev.lanes.shadow.privilege;

import java.util.List;

/**
 * A table or view found in the database's catalog.
 *
 * @param object its schema and name
 * @param view whether it is a view
 * @param sequences the sequences its column defaults draw from (PostgreSQL), which
 * writers need {@code USAGE} on
 */
public record CatalogTable(SchemaObject object, boolean view, List<SchemaObject> sequences) {

	/**
	 * Creates a catalog entry, copying the sequences.
	 */
	public CatalogTable {
		sequences = List.copyOf(sequences);
	}

}
