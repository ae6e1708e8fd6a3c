@method=GET @endpoint=/api/v1/statistics/criteria
Feature: How each criterion fared in the stored assessments (getCriteriaStatistics)
  Per criterion, the items it was assessed for and how many passed, failed, lacked evidence, were
  not evaluated or not applicable, and the passes that await verification; filtered by period,
  tender, category and criterion set. Computed by the database. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "failing" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"

  @smoke
  Scenario: The criteria statistics of a tender smoke type test
    Given the user wants to calibrate the criteria of the next tender
    And the request has the query parameters:
      | tenderRef | HARNESS-${tag} |
    When the user sends a GET request to "/api/v1/statistics/criteria"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "assessments" should be "1"
    And the response field "criteria" should have at least 10 items

  @unit @positive
  Scenario: A period before the assessments counts nothing
    Given the request has the query parameters:
      | tenderRef | HARNESS-${tag}       |
      | to        | 2000-01-01T00:00:00Z |
    When the user sends a GET request to "/api/v1/statistics/criteria"
    Then the response should have status 200
    And the response field "assessments" should be "0"
    And the response field "criteria" should have 0 items

  @unit @positive
  Scenario: Another category counts no result
    Given the request has the query parameters:
      | tenderRef | HARNESS-${tag} |
      | category  | server         |
    When the user sends a GET request to "/api/v1/statistics/criteria"
    Then the response should have status 200
    And the response field "criteria" should have 0 items

  @unit @negative
  Scenario: A period bound that is not a date-time is refused with 400
    Given the request has the query parameters:
      | from | last week |
    When the user sends a GET request to "/api/v1/statistics/criteria"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/from"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Statistics with a token without assessments:read are refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "admin"
    When the user sends a GET request to "/api/v1/statistics/criteria"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
