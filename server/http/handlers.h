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

// case_handlers.cc
void SubmitCase(Exchange& ex);
void GetCase(Exchange& ex);
void FireEvent(Exchange& ex);

// letter_handlers.cc
void ListLetters(Exchange& ex);
void GetDocument(Exchange& ex);

}  // namespace uitdaag::http
