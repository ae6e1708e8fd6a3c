@method=GET @endpoint=/api/v1/assessments/{assessmentId}/report
Feature: The assessment as a printable HTML page or as CSV (getAssessmentReport)
  A one-page report a procurement officer can file, or one CSV row per criterion result. Needs
  assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "assessment" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"

  @smoke
  Scenario: The assessment is printed as an HTML5 page smoke type test
    Given the user wants to file the assessment of an offer
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${assessment.id}" as assessmentId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "text/html" header
    And the response should match the json schema of the contract
    And the response body should contain "<!doctype html>"
    And the response body should contain "<html lang="
    And the response body should contain "Nordic Laptops AB"
    And the response body should contain "GPP21-TS6-core"

  @unit @positive
  Scenario: The assessment is exported as CSV
    Given the request has the query parameters:
      | format | csv |
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${assessment.id}" as assessmentId
    Then the response should have status 200
    And the response should have "content-type": "text/csv" header
    And the response should match the json schema of the contract
    And the response body should contain "GPP21-TS6-core"
    And the response body should contain "evidence_missing"

  @unit @negative
  Scenario: An unknown report format is refused with 400
    Given the request has the query parameters:
      | format | pdf |
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${assessment.id}" as assessmentId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/format"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: The report of an unknown assessment is answered 404
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${uuid}" as assessmentId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A report without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${assessment.id}" as assessmentId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A report with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "admin"
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}/report" with "${assessment.id}" as assessmentId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
