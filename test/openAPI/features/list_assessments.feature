@method=GET @endpoint=/api/v1/assessments
Feature: List assessments (listAssessments)
  The caller's organisation's assessments, newest first, filtered by tender, profile, offer and
  verdict, without the per-criterion results. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "failing" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"
    And an assessment "compliant" exists of the test offer "offer-notebook-compliant" against the tender profile "profile"

  @smoke
  Scenario: The assessments of a tender profile are listed smoke type test
    Given the user wants to see every assessment of a tender
    And the request has the query parameters:
      | profileId | ${profile.id} |
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "total" should be "2"
    And every item of "items" should have "profileId" equal to "${profile.id}"
    And every item of "items" should have "summary.compliant"

  @unit @positive
  Scenario: Filtering by verdict lists only the non-compliant offers
    Given the request has the query parameters:
      | profileId | ${profile.id} |
      | compliant | false         |
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "total" should be "1"
    And the response field "items.0.id" should be "${failing.id}"

  @unit @positive @jwt
  Scenario: Another organisation sees none of these assessments
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    And the request has the query parameters:
      | profileId | ${profile.id} |
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "total" should be "0"

  @unit @negative
  Scenario: An unknown verdict is refused with 400
    Given the request has the query parameters:
      | compliant | maybe |
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/compliant"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Listing assessments without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Listing assessments with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read assessments:write" of the organisation "admin"
    When the user sends a GET request to "/api/v1/assessments"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
