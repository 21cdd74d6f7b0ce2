package org.moim.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * Arquillian's Payara Micro container, kept for the whole test JVM: Payara Micro deploys only at
 * boot, so the stock container boots a process for every test class and kills it after the class
 * (about half a minute each, twice fifty classes). This one boots once per failsafe fork, hands
 * every later class that deploys an archive of the same entries the same running node (every class
 * deploys {@link Deployments#moim()}; OidcIT and OidcBrowserIT add their configuration to it and get
 * a node of their own), and leaves it to the stock container's shutdown hook to stop it with the JVM.
 *
 * <p>Classes therefore share a node as they already shared its data (the fork's H2 file or MariaDB
 * database and broker store survived every restart before). A node that no longer answers its
 * liveness probe, because a test killed or broke it, is replaced by a fresh boot for the next class.
 * {@code -Dmoim.it.node-per-class=true} brings back a node per class, to tell a test that depends on
 * another from one that fails alone.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static final Logger LOG = Logger.getLogger(SharedPayaraMicro.class.getName());

    /** The container instance whose process runs, the archive it runs and what Arquillian learnt at its boot. */
    private static SharedPayaraMicro running;
    private static Archive<?> runningArchive;
    private static ProtocolMetaData deployed;

    private static boolean nodePerClass() {
        return Boolean.getBoolean("moim.it.node-per-class");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (nodePerClass()) {
            return super.deploy(archive);
        }
        synchronized (SharedPayaraMicro.class) {
            if (running != null) {
                boolean same = sameContent(archive, runningArchive);
                if (same && alive(deployed)) {
                    return deployed;
                }
                LOG.info(same ? "The shared Payara Micro does not answer /health/live: booting another"
                        : "This class deploys an archive of other content (e.g. OidcIT's configuration): booting a node for it");
                running.stopNode(runningArchive);
                running = null;
            }
            deployed = super.deploy(archive);
            running = this;
            runningArchive = archive;
            return deployed;
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        if (nodePerClass()) {
            super.undeploy(archive);
        }
        // Otherwise kept for the next class; the stock container's shutdown hook stops it with the JVM.
    }

    /** Stops this instance's process (the stock container's undeploy). */
    private void stopNode(Archive<?> archive) throws DeploymentException {
        super.undeploy(archive);
    }

    /** Whether two archives hold the same entries: every class deploys {@link Deployments#moim()}, a few add to it. */
    private static boolean sameContent(Archive<?> one, Archive<?> other) {
        return one.getName().equals(other.getName()) && one.getContent().keySet().equals(other.getContent().keySet());
    }

    /** Whether the node answers its liveness probe with 200 within a few seconds. */
    private static boolean alive(ProtocolMetaData metaData) {
        HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
        URI live = URI.create("http://" + http.getHost() + ":" + http.getPort() + "/health/live");
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(live).timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Registers the shared container in place of the stock one ({@code META-INF/services}). */
    public static final class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }
}
