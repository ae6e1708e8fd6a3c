@method=DELETE @endpoint=/api/v1/criterion-sets/{setId}
Feature: Discard a draft criterion set (deleteCriterionSet)
  Only drafts can be deleted; published and retired sets stay in the catalogue for good (409).
  Needs the scope criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: A curator discards a draft smoke type test
    Given the user wants to discard a draft
    And a draft criterion set "draft" exists
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 204
    And the response should match the json schema of the contract
    When the user then sends a GET request to "/api/v1/criterion-sets/${draft.id}"
    Then the response should have status 404

  @unit @negative
  Scenario: A published set cannot be deleted and gets 409
    Given a published criterion set "published" exists
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "${published.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract
    When the user then sends a GET request to "/api/v1/criterion-sets/${published.id}"
    Then the response should have status 200

  @unit @negative
  Scenario: A retired set cannot be deleted and gets 409
    Given a retired criterion set "retired" exists
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "${retired.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Deleting a set that does not exist is answered 404
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Deleting a criterion set without credentials is refused with 401
    Given a draft criterion set "draft" exists
    And the user is not authenticated
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Deleting a criterion set with a token without criteria:admin is refused with 403
    Given a draft criterion set "draft" exists
    And the user is authenticated with a JWT with the scopes "criteria:read assessments:write" of the organisation "harness-org"
    When the user sends a DELETE request to "/api/v1/criterion-sets/{setId}" with "${draft.id}" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
