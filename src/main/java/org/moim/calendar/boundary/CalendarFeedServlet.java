package org.moim.calendar.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.moim.platform.web.MoimApi;
import org.moim.platform.web.RequestLog;

/**
 * The public feed URL {@code /calendar/feeds/<token>.ics}, short and outside the API's path for
 * calendar apps: handed on to {@link CalendarFeedsResource} so it gets the API's problems,
 * headers and statement counts.
 */
@WebServlet(name = "calendar-feeds", urlPatterns = "/calendar/feeds/*")
public class CalendarFeedServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.setAttribute(RequestLog.LOGGED_PATH, CalendarFeedPaths.REDACTED);
        String file = request.getPathInfo();
        if (file == null || !file.matches("/[A-Za-z0-9_-]{1,100}\\.ics")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.getRequestDispatcher("/" + MoimApi.PATH + CalendarFeedsResource.PATH + file).forward(request, response);
    }
}
