package dev.lanes.core.rule;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address block such as {@code 10.0.0.0/8}; a plain address is a block of
 * one. Used by the {@code remote-address} rule source and by the network trust boundary
 * of the services.
 */
public final class CidrBlock {

	private final byte[] network;

	private final int prefixLength;

	private CidrBlock(byte[] network, int prefixLength) {
		this.network = network;
		this.prefixLength = prefixLength;
	}

	/**
	 * Parses a block, returning {@code null} when {@code text} is not an address or
	 * block. Never resolves host names.
	 * @param text the block, such as {@code 10.0.0.0/8}, {@code fd00::/8} or
	 * {@code 127.0.0.1}
	 * @return the block, or {@code null} when {@code text} is not one
	 */
	public static @Nullable CidrBlock parse(String text) {
		int slash = text.indexOf('/');
		byte[] address = parseAddress((slash >= 0) ? text.substring(0, slash) : text);
		if (address == null) {
			return null;
		}
		int bits = address.length * 8;
		int prefix = bits;
		if (slash >= 0) {
			try {
				prefix = Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				return null;
			}
			if (prefix < 0 || prefix > bits) {
				return null;
			}
		}
		return new CidrBlock(address, prefix);
	}

	/**
	 * Tells whether a literal address lies in this block. An IPv4 address is never in an
	 * IPv6 block nor the reverse, and a host name is in no block.
	 * @param addressText the literal address
	 * @return whether it is in the block
	 */
	public boolean contains(String addressText) {
		byte[] address = parseAddress(addressText);
		if (address == null || address.length != this.network.length) {
			return false;
		}
		int fullBytes = this.prefixLength / 8;
		for (int i = 0; i < fullBytes; i++) {
			if (address[i] != this.network[i]) {
				return false;
			}
		}
		int remainingBits = this.prefixLength % 8;
		if (remainingBits == 0) {
			return true;
		}
		int mask = (0xff << (8 - remainingBits)) & 0xff;
		return (address[fullBytes] & mask) == (this.network[fullBytes] & mask);
	}

	/**
	 * Parses a literal IPv4 or IPv6 address; anything else (a host name included) is
	 * refused before {@link InetAddress} could try to resolve it.
	 */
	static byte @Nullable [] parseAddress(String text) {
		String literal = (text.startsWith("[") && text.endsWith("]")) ? text.substring(1, text.length() - 1) : text;
		if (literal.isEmpty() || !isAddressLiteral(literal)) {
			return null;
		}
		try {
			return InetAddress.getByName(literal).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private static boolean isAddressLiteral(String text) {
		boolean colon = text.indexOf(':') >= 0;
		int dots = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '.') {
				dots++;
			}
			else if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '%')) {
				return false;
			}
			else if (!colon && !Character.isDigit(c)) {
				return false;
			}
		}
		return colon || dots == 3;
	}

}
