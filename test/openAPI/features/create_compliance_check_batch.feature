@method=POST @endpoint=/api/v1/compliance-checks/batch
Feature: Assess up to 1,000 offers against one profile (createComplianceCheckBatch)
  Each offer is assessed and stored on its own and is individually addressable; offers that are
  invalid for the profile are reported per offer and do not stop the others. Needs
  assessments:write.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists

  @smoke
  Scenario: A batch of offers is assessed with one status per offer smoke type test
    Given the user wants to check all offers received for a tender at once
    And the request body is a batch of the test offers "offer-notebook-compliant, offer-notebook-hand-checked" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "total" should be "2"
    And the response field "created" should be "2"
    And the response field "failed" should be "0"
    And the response field "results.0.status" should be "201"
    And the response field "results.0.compliant" should be "true"
    And the response field "results.1.compliant" should be "false"
    And every item of "results" should have "location"

  @unit @positive
  Scenario: An offer of an accessory no criterion covers is assessed as not applicable, not refused
    Given the request body is a batch of the test offers "offer-notebook-compliant, offer-docking-station" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "created" should be "2"
    And the response field "failed" should be "0"
    And the response field "results.1.status" should be "201"
    And the user remembers the response field "results.1.assessmentId" as "dock"
    When the user then sends a GET request to "/api/v1/assessments/${dock}"
    Then the response should have status 200
    And the criterion result "GPP21-TS6-core" should have "outcome" equal to "not_applicable"

  @unit @positive
  Scenario: Every offer of a batch is stored and addressable
    Given the request body is a batch of the test offers "offer-notebook-compliant" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 200
    And the user remembers the response field "results.0.assessmentId" as "stored"
    When the user then sends a GET request to "/api/v1/assessments/${stored}"
    Then the response should have status 200
    And the response field "profileId" should be "${profile.id}"

  @unit @positive
  Scenario: A retried batch with the same Idempotency-Key replays the stored assessments
    Given the request body is a batch of the test offers "offer-notebook-compliant, offer-notebook-undetermined" against the tender profile "profile"
    And the request has the header "Idempotency-Key" with the value "batch-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 200
    And the response field "created" should be "2"
    And the user remembers the response field "results.0.assessmentId" as "first"
    Given the request body is a batch of the test offers "offer-notebook-compliant, offer-notebook-undetermined" against the tender profile "profile"
    And the request has the header "Idempotency-Key" with the value "batch-${tag}"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "created" should be "0"
    And the response field "replayed" should be "2"
    And the response field "results.0.assessmentId" should be "${first}"

  @unit @negative
  Scenario: An empty batch is refused with 400
    Given the request body is:
      """
      { "profileId": "${profile.id}", "offers": [] }
      """
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/offers"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A batch against an unknown profile is answered 404
    Given the request body is:
      """
      { "profileId": "${uuid}", "offers": [ { "supplier": { "name": "Nobody" }, "items": [ { "category": "notebook", "manufacturer": "A", "model": "B" } ] } ] }
      """
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A batch without credentials is refused with 401
    Given the user is not authenticated
    And the request body is a batch of the test offers "offer-notebook-compliant" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A batch with a token without assessments:write is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "admin"
    And the request body is a batch of the test offers "offer-notebook-compliant" against the tender profile "profile"
    When the user sends a POST request to "/api/v1/compliance-checks/batch"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
