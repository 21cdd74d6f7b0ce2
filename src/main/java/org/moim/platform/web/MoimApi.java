package org.moim.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The versioned REST API. Bearer tokens are RS256 JWTs checked by MicroProfile JWT; a resource
 * opts into authentication with {@code @RolesAllowed}.
 */
@ApplicationPath(MoimApi.PATH)
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "moim")
@OpenAPIDefinition(
        info = @Info(title = "Moim API", version = "1",
                description = "Workspaces, boards, chat, calls and files. Errors are RFC 9457 problem details.",
                license = @License(name = "Proprietary", identifier = "LicenseRef-Proprietary")),
        servers = @Server(url = "/"))
@SecurityScheme(securitySchemeName = MoimApi.BEARER, type = SecuritySchemeType.HTTP,
        scheme = "bearer", bearerFormat = "JWT")
public class MoimApi extends Application {
    public static final String PATH = "api/v1";
    public static final String BEARER = "bearer";
    /** The role every signed-in account has (the JWT {@code groups} claim). */
    public static final String USER = "user";
}
