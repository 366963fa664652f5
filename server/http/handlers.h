// The resources of the service, one small handler per resource and method, registered on the
// router by AddRoutes (routes.cc lists them all; docs/openapi.yaml describes them).
#pragma once

#include "http/router.h"

namespace uitdaag::http {

void AddRoutes(Router& router);

// meta_handlers.cc
void GetHealth(Exchange& ex);
void ListWorkflows(Exchange& ex);
void GetWorkflow(Exchange& ex);
void GetWorkflowGraph(Exchange& ex);
void GetWorkflowForm(Exchange& ex);

// session_handlers.cc
void CreateSession(Exchange& ex);
void DeleteSession(Exchange& ex);

// account_handlers.cc
void GetSession(Exchange& ex);
void ListAccounts(Exchange& ex);
void CreateAccount(Exchange& ex);
void GetAccount(Exchange& ex);
void UpdateAccount(Exchange& ex);

// token_handlers.cc
void CreateToken(Exchange& ex);
void ListTokens(Exchange& ex);
void DeleteToken(Exchange& ex);

// case_handlers.cc
void SubmitCase(Exchange& ex);
void GetCase(Exchange& ex);
void FireEvent(Exchange& ex);

// letter_handlers.cc
void ListLetters(Exchange& ex);
void GetDocument(Exchange& ex);

// metrics_handlers.cc
void GetMetrics(Exchange& ex);

// attachment_handlers.cc
void ListDocuments(Exchange& ex);
void UploadAttachment(Exchange& ex);

// timeline_handlers.cc
void GetTimeline(Exchange& ex);
void GetDeadlines(Exchange& ex);

// query_handlers.cc
void ListCases(Exchange& ex);
void GetQueue(Exchange& ex);

// assignment_handlers.cc
void SetCaseHandler(Exchange& ex);

// figures_handlers.cc
void GetFigures(Exchange& ex);

}  // namespace uitdaag::http
