@method=POST @endpoint=/api/v1/criterion-sets/{setId}/retire
Feature: Retire a published set (retireCriterionSet)
  A retired set stays readable, and every stored profile and assessment that used it is unchanged,
  but it is no longer offered for new tender profiles. Needs criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key
    And a published criterion set "published" exists

  @smoke
  Scenario: A curator retires a published set smoke type test
    Given the user wants to withdraw a criterion set from new tenders
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "${published.id}" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "status" should be "retired"
    And the response field "retiredAt" should exist

  @unit @positive
  Scenario: A retired set stays readable but is refused for new tender profiles
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "${published.id}" as setId
    Then the response should have status 200
    When the user then sends a GET request to "/api/v1/criterion-sets/${published.id}"
    Then the response should have status 200
    And the response field "status" should be "retired"
    Given the request body is:
      """
      { "criterionSetIds": ["${published.id}"], "category": "notebook", "level": "core" }
      """
    When the user then sends a POST request to "/api/v1/tender-profiles"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/body/criterionSetIds/0"

  @unit @negative
  Scenario: Retiring a draft is refused with 409
    Given a draft criterion set "draft" exists
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "${draft.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Retiring a set that does not exist is answered 404
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Retiring without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "${published.id}" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Retiring with a token without criteria:admin is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "harness-org"
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/retire" with "${published.id}" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
