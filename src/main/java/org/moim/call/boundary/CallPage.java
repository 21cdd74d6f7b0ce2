package org.moim.call.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonbNillable
@Schema(name = "CallPage", description = "One page of calls, newest first; pass nextCursor as ?cursor= for the next one (null on the last page).")
public record CallPage(List<CallView> items, String nextCursor) {
}
