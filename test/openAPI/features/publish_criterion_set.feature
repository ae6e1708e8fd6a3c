@method=POST @endpoint=/api/v1/criterion-sets/{setId}/publish
Feature: Publish a draft (publishCriterionSet)
  The set becomes immutable and is offered for compliance checks; a criterion-set.published.v1
  event is written in the same database write and relayed to RabbitMQ. Needs criteria:admin.

  Background:
    Given the user is authenticated with the administrator API key
    And a draft criterion set "draft" exists

  @smoke
  Scenario: A curator publishes a draft smoke type test
    Given the user wants to offer a draft for compliance checks
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "${draft.id}" as setId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "status" should be "published"
    And the response field "publishedAt" should exist
    And the response field "history.1.action" should be "published"

  @unit @positive
  Scenario: The criteria of a published set become available in the lookup
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "${draft.id}" as setId
    Then the response should have status 200
    Given the request has the query parameters:
      | set | ${draft.id} |
    When the user then sends a GET request to "/api/v1/criteria"
    Then the response should have status 200
    And the response field "total" should be "2"
    And every item of "items" should have "setStatus" equal to "published"

  @unit @negative
  Scenario: Publishing an already published set is refused with 409
    Given a published criterion set "published" exists
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "${published.id}" as setId
    Then the response should have status 409
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Publishing a set that does not exist is answered 404
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "no-such-set-${tag}" as setId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Publishing without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "${draft.id}" as setId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Publishing with a token without criteria:admin is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "harness-org"
    When the user sends a POST request to "/api/v1/criterion-sets/{setId}/publish" with "${draft.id}" as setId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: GET on the publish action is refused with 405
    When the user sends a GET request to "/api/v1/criterion-sets/{setId}/publish" with "${draft.id}" as setId
    Then the response should have status 405
    And the response should have "Allow": "POST" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
