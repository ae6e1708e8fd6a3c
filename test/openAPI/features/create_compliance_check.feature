@method=POST @endpoint=/api/v1/compliance-checks
Feature: Assess an offer (createComplianceCheck)
  Every item of a supplier's offer is checked against the criteria of a tender profile (or of
  published sets chosen inline) with three-valued logic: an undeclared property is "evidence
  missing", never "fail". Per criterion the result says what was declared, what was required,
  how it was shown and what evidence is missing; the assessment is stored with an
  assessment.completed.v1 event in the same write. Needs assessments:write.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: A notebook offer is assessed against EU GPP 2021 core smoke type test
    Given the user wants to check a supplier's notebook offer
    And the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 201
    And the response should have "content-type": "application/json" header
    And the response should have "Location": "/api/v1/assessments/" header
    And the response should match the json schema of the contract
    And the response field "criterionSet.id" should be "eu-gpp-computers-2021"
    And the response field "implicitProfile" should be "true"

  @unit @positive
  Scenario: Each criterion passes, fails or lacks evidence, with what was observed and expected
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the criterion result "GPP21-TS6-core" should have "outcome" equal to "pass"
    And the criterion result "GPP21-TS6-core" should have "observed" equal to "{\"battery.hasBattery\":true,\"battery.cyclesAt80pct\":300}"
    And the criterion result "GPP21-TS6-core" should have "expected" containing "300"
    And the criterion result "GPP21-TS8-core" should have "via" equal to "test_report"
    And the criterion result "GPP21-TS8-core" should have "evidenceUsed" containing "LAB-2026-0042"
    And the criterion result "GPP21-TS2-core" should have "outcome" equal to "fail"
    And the criterion result "GPP21-TS1-core" should have "outcome" equal to "evidence_missing"
    And the criterion result "GPP21-TS1-core" should have "missing.0.property" equal to "lifetime.serviceAgreementYears"
    And the criterion result "GPP21-TS24-core" should have "outcome" equal to "not_applicable"
    And the response field "summary.compliant" should be "false"
    And the response field "summary.mandatoryFailed" should be "2"
    And the response field "summary.mandatoryMissingEvidence" should be "4"

  @unit @positive
  Scenario: A valid ecolabel issued for the offered model passes a criterion by presumption of conformity
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    And the request body field "criterionSetIds" is set to the JSON "[\"epeat-ieee-1680-1-2018\"]"
    And the request body field "level" is set to the string "recommended"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the criterion result "EPEAT18-1.1" should have "outcome" equal to "pass"
    And the criterion result "EPEAT18-1.1" should have "via" equal to "ecolabel_presumption"
    And the criterion result "EPEAT18-1.1" should have "evidenceUsed" containing "EPEAT-777"

  @unit @negative
  Scenario: An ecolabel certificate issued for another model gives no presumption, and the result says why
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    And the request body field "criterionSetIds" is set to the JSON "[\"epeat-ieee-1680-1-2018\"]"
    And the request body field "level" is set to the string "recommended"
    And the request body field "offer.items.0.ecolabels.0.covers.models" is set to the JSON "[\"EcoBook 15\"]"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the criterion result "EPEAT18-1.1" should have "outcome" equal to "evidence_missing"
    And the criterion result "EPEAT18-1.1" should have "messages" containing "does not identify the offered item"

  @unit @positive
  Scenario: An expired ecolabel claim is not accepted and the result says so
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    And the request body field "criterionSetIds" is set to the JSON "[\"epeat-ieee-1680-1-2018\"]"
    And the request body field "level" is set to the string "recommended"
    And the request body field "offer.items.0.ecolabels.0.validUntil" is set to the string "2025-01-31"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the criterion result "EPEAT18-1.1" should have "outcome" equal to "evidence_missing"
    And the criterion result "EPEAT18-1.1" should have "messages" containing "2025-01-31"

  @unit @positive
  Scenario: Missing evidence without any failure makes the offer undetermined
    Given the request body is an inline compliance check of the test offer "offer-notebook-undetermined"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "summary.compliant" should be "undetermined"
    And the response field "summary.mandatoryFailed" should be "0"
    And the response field "summary.missingEvidence" should have at least 1 item

  @unit @positive
  Scenario: A fully declared offer is compliant and earns award points
    Given the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "summary.compliant" should be "true"
    And the response field "summary.awardPoints" should be greater than 0
    And the criterion result "GPP21-AC5-core" should have "maxPoints" equal to "10"
    And the criterion result "GPP21-AC5-core" should have "outcome" equal to "pass"

  @unit @positive
  Scenario: An offer is assessed against a stored tender profile
    Given a tender profile "profile" exists
    And the request body is a compliance check of the test offer "offer-notebook-compliant" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the response field "profileId" should be "${profile.id}"
    And the response field "implicitProfile" should be "false"

  @unit @positive
  Scenario: A retry with the same Idempotency-Key returns the first assessment with 200
    Given the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    And the request has the header "Idempotency-Key" with the value "harness-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the user remembers the response field "id" as "first"
    Given the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    And the request has the header "Idempotency-Key" with the value "harness-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "id" should be "${first}"
    Given the request has the query parameters:
      | offerId | offer-compliant-${tag} |
    When the user then sends a GET request to "/api/v1/assessments"
    Then the response field "total" should be "1"

  @unit @negative
  Scenario: An Idempotency-Key reused for a different request is refused with 409
    Given the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    And the request has the header "Idempotency-Key" with the value "harness-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    Given the request body is an inline compliance check of the test offer "offer-notebook-undetermined"
    And the request has the header "Idempotency-Key" with the value "harness-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 409
    And the response should be a problem "IDEMPOTENCY_KEY_REUSED"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A value of the wrong type is refused with 400 naming the field, and nothing is stored
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    And the request body field "offer.items.0.battery.cyclesAt80pct" is set to the string "300 cycles"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/offer/items/0/battery/cyclesAt80pct"
    And the response should match the json schema of the contract
    Given the request has the query parameters:
      | offerId | offer-hand-checked-${tag} |
    When the user then sends a GET request to "/api/v1/assessments"
    Then the response field "total" should be "0"

  @unit @negative
  Scenario: An unknown property (a unit not in the name) is refused with 400
    Given the request body is an inline compliance check of the test offer "offer-notebook-hand-checked"
    And the request body field "offer.items.0.lifetime.warrantyMonths" is set to the JSON "36"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/offer/items/0/lifetime/warrantyMonths"
    And the response should match the json schema of the contract

  @unit @positive
  Scenario: An item of a category outside the tender's criteria is not applicable, not an error
    Given the request body is an inline compliance check of the test offer "offer-docking-station"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 201
    And the response should match the json schema of the contract
    And the criterion result "GPP21-TS6-core" should have "outcome" equal to "not_applicable"
    And the response field "summary.mandatoryFailed" should be "0"

  @unit @negative
  Scenario: An unknown tender profile is answered 404
    Given the request body is:
      """
      { "profileId": "${uuid}", "offer": { "supplier": { "name": "Nobody" }, "items": [ { "category": "notebook", "manufacturer": "A", "model": "B" } ] } }
      """
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Assessing an offer without credentials is refused with 401
    Given the user is not authenticated
    And the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Assessing an offer with a token without assessments:write is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read criteria:read" of the organisation "harness-org"
    And the request body is an inline compliance check of the test offer "offer-notebook-compliant"
    When the user sends a POST request to "/api/v1/compliance-checks"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: GET on the compliance-check collection is refused with 405
    When the user sends a GET request to "/api/v1/compliance-checks"
    Then the response should have status 405
    And the response should have "Allow": "POST" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
