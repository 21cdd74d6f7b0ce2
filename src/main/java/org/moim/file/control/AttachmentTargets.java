package org.moim.file.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.moim.file.entity.AttachmentTarget;
import org.moim.platform.problem.InvalidField;

/** Every {@link AttachmentTargetType} there is, by kind. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AttachmentTargets {

    @Inject
    Instance<AttachmentTargetType> types;

    /** {@code kind:id} from a request; null for none; 400 for a malformed one or an unknown kind. */
    public AttachmentTarget parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        AttachmentTarget target = AttachmentTarget.parse(text.strip());
        if (target == null) {
            throw new InvalidField(field, "must be kind:id, e.g. card:6f0c…");
        }
        if (type(target.kind()).isEmpty()) {
            Set<String> known = kinds();
            throw new InvalidField(field, "has an unknown kind '" + target.kind() + "'"
                    + (known.isEmpty() ? " (files attach to nothing else than the workspace yet)" : "; known kinds: " + known));
        }
        return target;
    }

    /** The target's scope, if the account may see the target (NotFound otherwise). */
    public AttachmentTarget scopeOf(String workspaceId, AttachmentTarget target, String accountId) {
        return type(target.kind()).orElseThrow().scopeOf(workspaceId, target, accountId);
    }

    /** Whether the account may see the scope; false for a kind nobody answers for any more. */
    public boolean canSee(String workspaceId, AttachmentTarget scope, String accountId) {
        return type(scope.kind()).map(t -> t.canSee(workspaceId, scope, accountId)).orElse(false);
    }

    /** Scope kinds that every member allowed to see workspace files sees whole. */
    public Set<String> openScopeKinds() {
        Set<String> open = new TreeSet<>();
        for (AttachmentTargetType type : types) {
            type.kinds().stream().filter(type::everyMemberSees).forEach(open::add);
        }
        return open;
    }

    public Set<String> kinds() {
        Set<String> kinds = new TreeSet<>();
        types.forEach(t -> kinds.addAll(t.kinds()));
        return kinds;
    }

    private Optional<AttachmentTargetType> type(String kind) {
        for (AttachmentTargetType type : types) {
            if (type.kinds().contains(kind)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
