@method=GET @endpoint=/api/v1/tender-profiles
Feature: List tender profiles (listTenderProfiles)
  The caller's organisation's tender profiles (administrators see all), newest first, filtered
  by tender reference and paginated. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists

  @smoke
  Scenario: The tender profiles of a tender are listed smoke type test
    Given the user wants to find the criteria fixed for a tender
    And the request has the query parameters:
      | tenderRef | HARNESS-${tag} |
    When the user sends a GET request to "/api/v1/tender-profiles"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "total" should be "1"
    And the response field "items.0.id" should be "${profile.id}"
    And the response field "items.0.criteria" should not exist

  @unit @positive @jwt
  Scenario: Another organisation does not see the profile
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    And the request has the query parameters:
      | tenderRef | HARNESS-${tag} |
    When the user sends a GET request to "/api/v1/tender-profiles"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "total" should be "0"

  @unit @negative
  Scenario: A page number of 0 is refused with 400
    Given the request has the query parameters:
      | page | 0 |
    When the user sends a GET request to "/api/v1/tender-profiles"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/page"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Listing tender profiles without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/tender-profiles"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Listing tender profiles with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/tender-profiles"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
