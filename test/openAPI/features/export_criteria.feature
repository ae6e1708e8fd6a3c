@method=GET @endpoint=/api/v1/criteria/export
Feature: Export the matching criteria as JSON, CSV or an OCDS fragment (exportCriteria)
  Takes the filters of the lookup and exports every match (no pagination). Needs criteria:read.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: Core notebook criteria are exported as JSON smoke type test
    Given the user wants to download the criteria for a notebook tender
    And the request has the query parameters:
      | category | notebook |
      | level    | core     |
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should have "Content-Disposition": "attachment" header
    And the response should match the json schema of the contract
    And the response should match the "CriteriaExport" json schema
    And the response field "exportedAt" should exist
    And every item of "criteria" should have "setId"
    And every item of "criteria" should have "level" equal to "core"

  @unit @positive
  Scenario: Filtered criteria are exported as CSV with one row per criterion
    Given the request has the query parameters:
      | format     | csv |
      | sourceCode | TS6 |
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 200
    And the response should have "content-type": "text/csv" header
    And the response should match the json schema of the contract
    And the response body should contain "setId,id,sourceCode"
    And the response body should contain "GPP21-TS6-core"

  @unit @positive
  Scenario: Filtered criteria are exported as an OCDS sustainability fragment
    Given the request has the query parameters:
      | format   | ocds     |
      | category | notebook |
      | level    | core     |
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response should match the "OcdsSustainabilityFragment" json schema
    And the response field "tender.hasSustainability" should be "true"

  @unit @negative
  Scenario: An unknown export format is refused with 400
    Given the request has the query parameters:
      | format | xml |
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/format"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: An unknown filter value is refused with 400
    Given the request has the query parameters:
      | stage | tendering |
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should list the allowed value "award"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Exporting criteria without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Exporting criteria with a token without criteria:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/criteria/export"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
