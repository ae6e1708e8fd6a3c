@method=GET @endpoint=/api/v1/statistics/tenders/{tenderRef}
Feature: The assessments of one tender in figures (getTenderStatistics)
  How many assessments and distinct offers a tender has, their verdicts, and per criterion how
  many items passed, failed, lacked evidence or await verification. Computed by the database over
  the caller's organisation's assessments. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "failing" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"
    And an assessment "compliant" exists of the test offer "offer-notebook-compliant" against the tender profile "profile"

  @smoke
  Scenario: The figures of a tender smoke type test
    Given the user wants to see how the offers of a tender fared
    When the user sends a GET request to "/api/v1/statistics/tenders/{tenderRef}" with "HARNESS-${tag}" as tenderRef
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "tenderRef" should be "HARNESS-${tag}"
    And the response field "assessments" should be "2"
    And the response field "offers" should be "2"
    And the response field "criteria" should have at least 10 items

  @unit @positive
  Scenario: Verdicts and per-criterion outcomes are counted
    When the user sends a GET request to "/api/v1/statistics/tenders/{tenderRef}" with "HARNESS-${tag}" as tenderRef
    Then the response should have status 200
    And the response field "verdicts.compliant" should be "1"
    And the response field "verdicts.nonCompliant" should be "1"
    And the response field "verdicts.undetermined" should be "0"
    And every item of "criteria" should have "assessed"
    And every item of "criteria" should have "pendingVerification"

  @unit @negative
  Scenario: A tender without assessments is answered 404
    When the user sends a GET request to "/api/v1/statistics/tenders/{tenderRef}" with "NO-SUCH-TENDER-${tag}" as tenderRef
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Another organisation does not see the tender and gets 404
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    When the user sends a GET request to "/api/v1/statistics/tenders/{tenderRef}" with "HARNESS-${tag}" as tenderRef
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Statistics without credentials are refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/statistics/tenders/{tenderRef}" with "HARNESS-${tag}" as tenderRef
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract
