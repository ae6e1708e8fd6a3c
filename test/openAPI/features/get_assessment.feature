@method=GET @endpoint=/api/v1/assessments/{assessmentId}
Feature: Get an assessment (getAssessment)
  A stored assessment, per item and per criterion, exactly as it was returned when created. Only
  the organisation that ran the check and administrators can see it. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "assessment" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"

  @smoke
  Scenario: A stored assessment is read by id smoke type test
    Given the user wants to read the assessment of an offer
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "${assessment.id}" as assessmentId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "id" should be "${assessment.id}"
    And the response field "items" should be "${assessment.items}"
    And the response field "summary" should be "${assessment.summary}"
    And the response field "links.report" should contain "/report"

  @unit @negative
  Scenario: An unknown assessment id is answered 404
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "${uuid}" as assessmentId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Another organisation's assessment is answered 404, not 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "${assessment.id}" as assessmentId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: An assessment id that is not a UUID is refused with 400
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "42" as assessmentId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/assessmentId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Reading an assessment without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "${assessment.id}" as assessmentId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Reading an assessment with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "admin"
    When the user sends a GET request to "/api/v1/assessments/{assessmentId}" with "${assessment.id}" as assessmentId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: DELETE on an assessment is refused with 405 (assessments are kept)
    When the user sends a DELETE request to "/api/v1/assessments/{assessmentId}" with "${assessment.id}" as assessmentId
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
