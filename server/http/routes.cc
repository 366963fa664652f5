#include "http/handlers.h"

namespace uitdaag::http {

void AddRoutes(Router& r) {
  r.Add("GET", "/health", GetHealth);
  r.Add("GET", "/api/workflows", ListWorkflows);
  r.Add("GET", "/api/workflows/{id}", GetWorkflow);
  r.Add("GET", "/api/workflows/{id}/graph", GetWorkflowGraph);
  r.Add("GET", "/api/workflows/{id}/forms/{event}", GetWorkflowForm);
  r.Add("POST", "/api/session", CreateSession);
  r.Add("DELETE", "/api/session", DeleteSession);
  r.Add("POST", "/api/cases", SubmitCase);
  r.Add("GET", "/api/cases/{id}", GetCase);
  r.Add("POST", "/api/cases/{id}/events/{event}", FireEvent);
  r.Add("GET", "/api/cases/{id}/letters", ListLetters);
  r.Add("GET", "/api/cases/{id}/documents/{document}", GetDocument);
}

}  // namespace uitdaag::http
