@method=GET @endpoint=/api/v1/tender-profiles/{profileId}
Feature: Get a tender profile with its criteria snapshot (getTenderProfile)
  The profile with the definitions of its criteria as they were when it was created. Only its
  organisation and administrators can see it. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists

  @smoke
  Scenario: A tender profile is read with its criteria snapshot smoke type test
    Given the user wants to see the criteria fixed for a tender
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${profile.id}" as profileId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "id" should be "${profile.id}"
    And the response field "criteriaCount" should be "${profile.criteriaCount}"
    And the response field "links.ranking" should contain "/ranking"

  @unit @positive
  Scenario: Retiring a set later leaves the profile snapshot unchanged
    Given a published criterion set "published" exists
    And a tender profile "custom" exists for the criterion set "${published.id}"
    When the user then sends a POST request to "/api/v1/criterion-sets/${published.id}/retire"
    Then the response should have status 200
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${custom.id}" as profileId
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "criterionSets" should be "${custom.criterionSets}"
    And the response field "criteria" should be "${custom.criteria}"

  @unit @negative
  Scenario: An unknown profile id is answered 404
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${uuid}" as profileId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Another organisation's profile is answered 404, not 403
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${profile.id}" as profileId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A profile id that is not a UUID is refused with 400
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "not-a-uuid" as profileId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/profileId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Reading a tender profile without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${profile.id}" as profileId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Reading a tender profile with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "admin"
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}" with "${profile.id}" as profileId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: DELETE on a tender profile is refused with 405 (profiles are immutable)
    When the user sends a DELETE request to "/api/v1/tender-profiles/{profileId}" with "${profile.id}" as profileId
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
