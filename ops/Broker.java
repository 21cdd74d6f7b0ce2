// The external JMS broker of the ops/ topology: ActiveMQ Classic 6.1.8 (the version of the resource
// adapter the nodes use) in a JVM of its own, from the jars of the adapter's own Maven artifact.
// Started by ops/up.sh as a single-file program:
//   java -cp '<lib>/*' ops/Broker.java tcp://127.0.0.1:61700 <data dir>
// Persistent (KahaDB under the data directory), no JMX; with MOIM_JMS_USER set, clients must sign
// in with MOIM_JMS_USER / MOIM_JMS_PASSWORD. SIGTERM stops it cleanly (shutdown hook).
import java.util.List;

import org.apache.activemq.broker.BrokerPlugin;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.security.AuthenticationUser;
import org.apache.activemq.security.SimpleAuthenticationPlugin;

public class Broker {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Broker <transport uri> <data directory>");
            System.exit(64);
        }
        var broker = new BrokerService();
        broker.setBrokerName("moim-ops");
        broker.setUseJmx(false);
        broker.setPersistent(true);
        broker.setDataDirectory(args[1]);
        broker.setUseShutdownHook(true);
        broker.addConnector(args[0]);
        String user = System.getenv("MOIM_JMS_USER");
        if (user != null && !user.isEmpty()) {
            var users = List.of(new AuthenticationUser(user, System.getenv("MOIM_JMS_PASSWORD"), "moim"));
            broker.setPlugins(new BrokerPlugin[] {new SimpleAuthenticationPlugin(users)});
        }
        broker.start();
        broker.waitUntilStarted();
        System.out.println("Broker started: " + args[0] + ", store " + args[1]);
        broker.waitUntilStopped();
    }
}
