// Starts Swagger UI (vendored in swagger-ui/) on the service's own OpenAPI document.
// A separate file, not an inline script, so that the page's CSP can forbid inline scripts.
"use strict";
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,          // never send the spec to an outside validator
    tryItOutEnabled: false,
    defaultModelsExpandDepth: 0,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
