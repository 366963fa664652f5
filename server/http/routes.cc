#include "http/handlers.h"

namespace uitdaag::http {

void AddRoutes(Router& r) {
  r.Add("GET", "/health", GetHealth);
  r.Add("GET", "/metrics", GetMetrics);
  r.Add("GET", "/api/workflows", ListWorkflows);
  r.Add("GET", "/api/workflows/{id}", GetWorkflow);
  r.Add("GET", "/api/workflows/{id}/graph", GetWorkflowGraph);
  r.Add("GET", "/api/workflows/{id}/forms/{event}", GetWorkflowForm);
  r.Add("POST", "/api/session", CreateSession);
  r.Add("DELETE", "/api/session", DeleteSession);
  r.Add("GET", "/api/session", GetSession);
  r.Add("GET", "/api/accounts", ListAccounts);
  r.Add("POST", "/api/accounts", CreateAccount);
  r.Add("GET", "/api/accounts/{username}", GetAccount);
  r.Add("PATCH", "/api/accounts/{username}", UpdateAccount);
  r.Add("POST", "/api/tokens", CreateToken);
  r.Add("GET", "/api/tokens", ListTokens);
  r.Add("DELETE", "/api/tokens/{id}", DeleteToken);
  r.Add("GET", "/api/cases", ListCases);
  r.Add("POST", "/api/cases", SubmitCase);
  r.Add("GET", "/api/cases/{id}", GetCase);
  r.Add("POST", "/api/cases/{id}/events/{event}", FireEvent);
  r.Add("PUT", "/api/cases/{id}/handler", SetCaseHandler);
  r.Add("GET", "/api/cases/{id}/letters", ListLetters);
  r.Add("GET", "/api/cases/{id}/documents/{document}", GetDocument);
  r.Add("GET", "/api/cases/{id}/documents", ListDocuments);
  r.Add("POST", "/api/cases/{id}/attachments", UploadAttachment);
  r.Add("GET", "/api/cases/{id}/timeline", GetTimeline);
  r.Add("GET", "/api/cases/{id}/deadlines", GetDeadlines);
  r.Add("GET", "/api/queue", GetQueue);
  r.Add("GET", "/api/figures", GetFigures);
}

}  // namespace uitdaag::http
