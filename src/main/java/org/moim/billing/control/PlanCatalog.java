package org.moim.billing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.moim.billing.entity.BillingPeriod;
import org.moim.billing.entity.Limit;
import org.moim.billing.entity.Money;
import org.moim.billing.entity.Plan;
import org.moim.billing.entity.PlanPrice;
import org.moim.platform.problem.InvalidField;

/**
 * The plans, from the {@code plan} table, with each limit overridable by configuration:
 * {@code moim.billing.plans.<plan code in lower case>.<limit key>} (a number, or {@code unlimited}),
 * e.g. {@code moim.billing.plans.free.members=25} or {@code MOIM_BILLING_PLANS_FREE_MEMBERS=25}.
 * A limit the server caps for everyone ({@link LimitCeiling}, e.g. people in one call) is lowered
 * to that cap in every plan, unlimited ones too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PlanCatalog {

    private static final Logger LOG = Logger.getLogger(PlanCatalog.class.getName());

    @PersistenceContext(unitName = "moim")
    EntityManager em;

    @Inject
    Config config;

    @Inject
    @Any
    Instance<LimitCeiling> ceilings;

    /** Every plan, lowest rank first. */
    public List<PlanTerms> all() {
        return em.createQuery("select p from Plan p order by p.rank, p.code", Plan.class).getResultList()
                .stream().map(this::terms).toList();
    }

    public PlanTerms plan(String code) {
        Plan plan = code == null ? null : em.find(Plan.class, code);
        if (plan == null) {
            throw new InvalidField("plan", "no such plan: " + code);
        }
        return terms(plan);
    }

    /** Every price of every plan. */
    public List<PlanPrice> prices() {
        return em.createQuery("select p from PlanPrice p order by p.planCode, p.period, p.currency", PlanPrice.class).getResultList();
    }

    public Optional<Money> price(String planCode, BillingPeriod period, String currency) {
        return em.createQuery("select p from PlanPrice p where p.planCode = :plan and p.period = :period and p.currency = :currency",
                        PlanPrice.class)
                .setParameter("plan", planCode)
                .setParameter("period", period)
                .setParameter("currency", currency == null ? "" : currency.toUpperCase(Locale.ROOT))
                .getResultStream().findFirst().map(PlanPrice::amount);
    }

    /** The server's own maximum of a limit, whatever the plan; null when no feature caps it. */
    public Long ceiling(Limit limit) {
        if (ceilings == null) {
            return null;
        }
        Long lowest = null;
        for (LimitCeiling ceiling : ceilings) {
            if (ceiling.limit() == limit && (lowest == null || ceiling.ceiling() < lowest)) {
                lowest = ceiling.ceiling();
            }
        }
        return lowest;
    }

    PlanTerms terms(Plan plan) {
        Map<Limit, Long> limits = new EnumMap<>(Limit.class);
        for (Limit limit : Limit.values()) {
            limits.put(limit, capped(limit(plan, limit), ceiling(limit)));
        }
        return new PlanTerms(plan.code(), plan.name(), plan.rank(), limits);
    }

    /** The plan's maximum lowered to the server's ceiling (null: unlimited). */
    static Long capped(Long planned, Long ceiling) {
        if (ceiling == null) {
            return planned;
        }
        return planned == null ? ceiling : Math.min(planned, ceiling);
    }

    /** The configured value if there is a valid one, else the table's; null means unlimited. */
    private Long limit(Plan plan, Limit limit) {
        String key = "moim.billing.plans." + plan.code().toLowerCase(Locale.ROOT) + "." + limit.key();
        Optional<String> value = config == null ? Optional.empty() : config.getOptionalValue(key, String.class);
        if (value.isEmpty() || value.get().isBlank()) {
            return plan.stored(limit);
        }
        String text = value.get().strip();
        if (text.equalsIgnoreCase("unlimited")) {
            return null;
        }
        try {
            long number = Long.parseLong(text);
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException ignored) {
            // logged below
        }
        LOG.warning(() -> key + "=" + text + " is neither a number >= 0 nor 'unlimited'; the plan table's value applies");
        return plan.stored(limit);
    }
}
