package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moim.platform.problem.NotFound;

/** The provider new payments go through ({@code moim.billing.provider}), and every provider by name. */
@ApplicationScoped
public class PaymentProviders {

    @Inject
    @ConfigProperty(name = "moim.billing.provider", defaultValue = SandboxProvider.NAME)
    String active;

    @Inject
    @Any
    Instance<PaymentProvider> providers;

    public PaymentProvider active() {
        return byName(active.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the built-in sandbox takes payments (only when it is the active provider). */
    public boolean sandboxActive() {
        return SandboxProvider.NAME.equalsIgnoreCase(active.strip());
    }

    /** The provider with this name; 404 for names nobody knows (webhook URLs). */
    public PaymentProvider byName(String name) {
        for (PaymentProvider provider : providers) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new NotFound("The payment provider");
    }
}
