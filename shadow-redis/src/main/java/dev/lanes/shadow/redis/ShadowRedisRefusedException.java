package dev.lanes.shadow.redis;

import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Thrown instead of running a Redis command that could let a shadowed lane touch base
 * keys, or base traffic touch a lane's shadow keys. Nothing was sent to Redis.
 */
public class ShadowRedisRefusedException extends InvalidDataAccessApiUsageException {

	private final String command;

	private final String lane;

	/**
	 * Creates an exception naming the command, the lane and the reason.
	 * @param command the refused connection method, for example {@code flushDb}
	 * @param lane the lane label ({@code base} for base traffic)
	 * @param reason why it was refused
	 */
	public ShadowRedisRefusedException(String command, String lane, String reason) {
		super("Refused Redis command '" + command + "' in lane '" + lane + "': " + reason + "; nothing was sent");
		this.command = command;
		this.lane = lane;
	}

	/**
	 * Returns the refused connection method.
	 * @return the method name, for example {@code flushDb}
	 */
	public String getCommand() {
		return this.command;
	}

	/**
	 * Returns the lane the command was refused in.
	 * @return the lane, or {@code base}
	 */
	public String getLane() {
		return this.lane;
	}

}
