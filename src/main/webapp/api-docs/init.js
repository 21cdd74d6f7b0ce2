// The API page for people: Swagger UI over the server's own OpenAPI document.
window.addEventListener('load', () => {
  window.ui = SwaggerUIBundle({
    url: '/openapi',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
  });
});
