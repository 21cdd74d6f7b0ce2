package org.moim.billing.boundary;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The little the server-rendered billing pages need: escaping, dates and one page frame. */
final class Html {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }

    /** A whole page: no scripts (the CSP allows none inline), inline styles only. */
    static String page(String lang, String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body { font-family: system-ui, -apple-system, "Noto Sans KR", sans-serif; margin: 0; background: #f4f5f7; color: #1d2330; }
                main { max-width: 34rem; margin: 2rem auto; background: #fff; border-radius: 8px; padding: 1.5rem 2rem;
                       box-shadow: 0 1px 3px rgba(0,0,0,.12); }
                h1 { font-size: 1.3rem; margin-top: 0; }
                .banner { background: #fff3cd; border: 1px solid #e0c36c; padding: .5rem .75rem; border-radius: 4px; font-size: .9rem; }
                .error { background: #fde2e1; border: 1px solid #e39a96; padding: .5rem .75rem; border-radius: 4px; }
                label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
                input { width: 100%%; box-sizing: border-box; padding: .5rem; font-size: 1rem; border: 1px solid #b8bfcc; border-radius: 4px; }
                button { margin-top: 1rem; padding: .6rem 1.2rem; font-size: 1rem; border-radius: 4px; border: 0; background: #2f5bea; color: #fff; cursor: pointer; }
                button.secondary { background: #e4e7ee; color: #1d2330; }
                table { width: 100%%; border-collapse: collapse; margin: 1rem 0; }
                td, th { text-align: left; padding: .35rem .25rem; border-bottom: 1px solid #e4e7ee; }
                .amount { font-size: 1.5rem; font-weight: 700; }
                .row { display: flex; gap: .75rem; } .row > div { flex: 1; }
                .lang { float: right; font-size: .85rem; }
                code { background: #f0f1f4; padding: 0 .25rem; }
                @media print { body { background: #fff; } main { box-shadow: none; margin: 0; } .noprint { display: none; } }
                </style>
                </head>
                <body>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(lang, escape(title), body);
    }
}
