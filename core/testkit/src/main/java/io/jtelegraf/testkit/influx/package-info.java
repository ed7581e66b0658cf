/**
 * Real servers for output tests: a private InfluxDB 1.x ({@link io.jtelegraf.testkit.influx.InfluxDb1Server})
 * on a free loopback port with its own folders, any other server binary started the same way
 * ({@link io.jtelegraf.testkit.influx.ServerProcess}), and a relay that counts what reached the
 * server ({@link io.jtelegraf.testkit.influx.CountingProxy}).
 *
 * <p>Where a server binary is missing, {@link io.jtelegraf.testkit.influx.RealServerPrerequisites}
 * skips the test with a loud message on a developer machine and fails it when the environment
 * variable {@code CI=true}. Servers are stopped by their own PID, never by name, so tests running
 * in parallel never stop each other's servers.
 */
package io.jtelegraf.testkit.influx;
