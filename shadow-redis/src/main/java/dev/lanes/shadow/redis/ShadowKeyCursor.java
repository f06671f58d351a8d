package dev.lanes.shadow.redis;

import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.core.Cursor;

/**
 * A SCAN {@link Cursor} that shows the application its own key names: a shadowed lane's
 * keys without the lane's prefix, and, for base traffic, no key of a shadow key space.
 */
final class ShadowKeyCursor implements Cursor<byte[]> {

	private final Cursor<byte[]> delegate;

	private final LaneKeys keys;

	private byte @Nullable [] next;

	ShadowKeyCursor(Cursor<byte[]> delegate, LaneKeys keys) {
		this.delegate = delegate;
		this.keys = keys;
	}

	@Override
	public boolean hasNext() {
		while (this.next == null && this.delegate.hasNext()) {
			this.next = this.keys.visible(this.delegate.next());
		}
		return this.next != null;
	}

	@Override
	public byte[] next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		byte[] result = this.next;
		this.next = null;
		return result;
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	public CursorId getId() {
		return this.delegate.getId();
	}

	@Override
	@Deprecated
	public long getCursorId() {
		return this.delegate.getCursorId();
	}

	@Override
	public boolean isClosed() {
		return this.delegate.isClosed();
	}

	@Override
	public long getPosition() {
		return this.delegate.getPosition();
	}

}
