package org.moim.platform.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paginated list; {@code nextCursor} is null on the last page. Every list
 * of the API that can grow answers this shape, {@code {"items": [...], "nextCursor": "..."}},
 * as a record of its own for the OpenAPI document (e.g. {@code MemberPage}), read with
 * {@link Keyset} and asked for with {@code ?limit=} (1 to {@value Keyset#MAX_LIMIT}) and
 * {@code ?cursor=} (OpenApiContractIT fails on a list answered as a bare array).
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** The same page with each item mapped (entities to views at the boundary). */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
