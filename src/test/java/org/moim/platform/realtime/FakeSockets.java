package org.moim.platform.realtime;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Connections over a fake socket that records what it was sent (unit tests, no server). */
public final class FakeSockets {

    private FakeSockets() {
    }

    public record Socket(Connection connection, List<String> sent, boolean[] open) {
    }

    public static Socket open(String id, String accountId) {
        List<String> sent = new CopyOnWriteArrayList<>();
        boolean[] open = {true};
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(FakeSockets.class.getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2 && args[1] instanceof SendHandler handler) {
                        sent.add((String) args[0]);
                        handler.onResult(new SendResult());
                    }
                    return null;
                });
        Session session = (Session) Proxy.newProxyInstance(FakeSockets.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> open[0];
                    case "getAsyncRemote" -> remote;
                    case "getNegotiatedExtensions" -> java.util.List.of();
                    case "close" -> {
                        open[0] = false;
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        Connection connection = new Connection(session, new Ticket(accountId, "session-" + id, "token-" + id,
                java.time.Instant.now().plusSeconds(600).getEpochSecond()), 1000, new TextFrames(() -> { }, () -> { }));
        return new Socket(connection, sent, open);
    }
}
