// The names of the letter data contract (templates/README.md, "The data contract").
//
// The contract is the interface between the renderer and templates that municipalities write, so
// its names are the municipality's vocabulary: Dutch, by design. They are spelled here once, and
// only here; the hygiene test that keeps Dutch out of engine/ string literals exempts this file
// and nothing else. Every other file uses these constants.
#pragma once

#include <string_view>

namespace uitdaag::contract {

// Top-level sections.
inline constexpr std::string_view kMunicipality = "gemeente";
inline constexpr std::string_view kCase = "zaak";
inline constexpr std::string_view kApplicant = "aanvrager";
inline constexpr std::string_view kHandler = "behandelaar";
inline constexpr std::string_view kLetter = "brief";
inline constexpr std::string_view kData = "data";
inline constexpr std::string_view kChoice = "keuze";
inline constexpr std::string_view kParams = "params";
inline constexpr std::string_view kDeadlines = "termijnen";
inline constexpr std::string_view kCriteria = "criteria";
inline constexpr std::string_view kDecision = "besluit";

// zaak.*
inline constexpr std::string_view kCaseNumber = "nummer";
inline constexpr std::string_view kCaseReceived = "datum_ontvangst";
inline constexpr std::string_view kCaseStatus = "status";
inline constexpr std::string_view kCaseType = "zaaktype";

// aanvrager.* and behandelaar.* (a party to the case).
inline constexpr std::string_view kPartyName = "naam";
inline constexpr std::string_view kPartyContact = "contactpersoon";
inline constexpr std::string_view kPartySalutation = "aanhef";
inline constexpr std::string_view kPartyAddress = "adres";
inline constexpr std::string_view kPartyPostcode = "postcode";
inline constexpr std::string_view kPartyCity = "plaats";
inline constexpr std::string_view kPartyEmail = "email";
inline constexpr std::string_view kPartyPhone = "telefoon";

// brief.*
inline constexpr std::string_view kLetterDate = "datum";

// termijnen.<deadline>.*
inline constexpr std::string_view kDeadlineEnd = "einddatum";
inline constexpr std::string_view kDeadlineTarget = "streefdatum";
inline constexpr std::string_view kDeadlineDuration = "duur";
inline constexpr std::string_view kDeadlineExplanation = "uitleg";
inline constexpr std::string_view kDeadlineActive = "actief";
inline constexpr std::string_view kDeadlineSuspended = "opgeschort";
inline constexpr std::string_view kDeadlineProvisional = "voorlopig";
inline constexpr std::string_view kDeadlineExpired = "verlopen";

// criteria[*]
inline constexpr std::string_view kCriterionLabel = "label";
inline constexpr std::string_view kCriterionDescription = "omschrijving";
inline constexpr std::string_view kCriterionScore = "score";
inline constexpr std::string_view kCriterionScaleMin = "schaal_min";
inline constexpr std::string_view kCriterionScaleMax = "schaal_max";
inline constexpr std::string_view kCriterionMinimum = "minimum";
inline constexpr std::string_view kCriterionWeight = "gewicht";
inline constexpr std::string_view kCriterionReason = "motivering";
inline constexpr std::string_view kCriterionPasses = "voldoet";

// besluit.*
inline constexpr std::string_view kDecisionAssessed = "beoordeeld";
inline constexpr std::string_view kDecisionAllPassed = "alle_criteria_voldaan";
inline constexpr std::string_view kDecisionFailedCount = "aantal_niet_voldaan";
inline constexpr std::string_view kDecisionTotal = "totaalscore";
inline constexpr std::string_view kDecisionMaxTotal = "maximale_totaalscore";
inline constexpr std::string_view kDecisionDate = "datum";

// gemeente.*: the profile (templates/profile.yaml) plus what is derived from the workflow.
inline constexpr std::string_view kProfileRoot = "gemeente";
inline constexpr std::string_view kIsBeschikking = "besluit_is_beschikking";
inline constexpr std::string_view kLegalCharacter = "rechtskarakter";
// The values of the legal character (the `rechtskarakter` choice of the shipped workflows).
inline constexpr std::string_view kCharacterBeschikking = "beschikking";
inline constexpr std::string_view kCharacterGrant = "subsidiebeschikking";
inline constexpr std::string_view kCharacterNone = "geen_besluit";

// A profile key: where it sits under gemeente.*, and whether a profile must have it.
struct ProfileKey {
  std::string_view path;  // dotted, below gemeente
  bool required;
};
inline constexpr ProfileKey kProfileKeys[] = {
    {"naam", true},
    {"adres", true},
    {"postcode", true},
    {"plaats", true},
    {"telefoon", true},
    {"email", true},
    {"website", true},
    {"verordening", true},
    {"subsidieregeling", false},
    {"bevoegd_orgaan", true},
    {"ondertekenaar.naam", true},
    {"ondertekenaar.functie", true},
    {"bezwaar.orgaan", true},
    {"bezwaar.adres", true},
    {"bezwaar.postcode", true},
    {"bezwaar.plaats", true},
    {"bezwaar.digitaal", false},
    {"rechtbank", false},
};

}  // namespace uitdaag::contract

namespace uitdaag::contract {

// Files beside the templates that a municipality edits along with them.
inline constexpr std::string_view kLanguageFile = "taal.yaml";        // uitdaag/language.h
inline constexpr std::string_view kStyleSheetFile = "huisstijl.css";  // the letters' house style
inline constexpr std::string_view kDefaultProfileFile = "profile.yaml";

}  // namespace uitdaag::contract

namespace uitdaag::contract {

// gemeente.* keys the renderer itself reads (letterhead, PDF metadata).
inline constexpr std::string_view kMunicipalityName = "naam";
inline constexpr std::string_view kMunicipalityAddress = "adres";
inline constexpr std::string_view kMunicipalityPostcode = "postcode";
inline constexpr std::string_view kMunicipalityCity = "plaats";
inline constexpr std::string_view kMunicipalityPhone = "telefoon";
inline constexpr std::string_view kMunicipalityWebsite = "website";

// The class of the element that holds a letter's subject line (its title in PDF metadata).
inline constexpr std::string_view kSubjectClass = "onderwerp";

}  // namespace uitdaag::contract

#include "uitdaag/pdf.h"

namespace uitdaag::contract {

// The templates' classes and what each asks of the PDF layout (uitdaag/pdf.h).
struct ClassRole {
  std::string_view css_class;
  PdfBlockRole role;
};
inline constexpr ClassRole kClassRoles[] = {
    {"afzender", PdfBlockRole::kSenderAddress},
    {"geadresseerde", PdfBlockRole::kRecipientAddress},
    {"kenmerken", PdfBlockRole::kReferenceTable},
    {"onderwerp", PdfBlockRole::kSubject},
    {"vrije-tekst", PdfBlockRole::kQuotedText},
    {"criteria", PdfBlockRole::kDataTable},
    {"overzicht", PdfBlockRole::kDataTable},
    {"ondertekening", PdfBlockRole::kClosing},
    {"ondertekenaar", PdfBlockRole::kSigner},
    {"handtekeningen", PdfBlockRole::kSignatureTable},
};

}  // namespace uitdaag::contract
