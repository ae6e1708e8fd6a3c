@method=GET @endpoint=/api/v1/tender-profiles/{profileId}/ranking
Feature: Rank the assessed offers of a tender (getTenderRanking)
  The latest assessment of every offer of a profile: compliant first by award score, then
  undetermined, then non-compliant, each position with its reason. Needs assessments:read.

  Background:
    Given the user is authenticated with the administrator API key
    And a tender profile "profile" exists
    And an assessment "failing" exists of the test offer "offer-notebook-hand-checked" against the tender profile "profile"
    And an assessment "open" exists of the test offer "offer-notebook-undetermined" against the tender profile "profile"
    And an assessment "compliant" exists of the test offer "offer-notebook-compliant" against the tender profile "profile"

  @smoke
  Scenario: The offers of a tender are ranked smoke type test
    Given the user wants to rank the offers of a tender
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${profile.id}" as profileId
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract
    And the response field "entries" should have 3 items
    And every item of "entries" should have "reason"

  @unit @positive
  Scenario: Compliant offers come first, undetermined next, non-compliant last
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${profile.id}" as profileId
    Then the response should have status 200
    And the response field "entries.0.assessmentId" should be "${compliant.id}"
    And the response field "entries.0.compliant" should be "true"
    And the response field "entries.0.rank" should be "1"
    And the response field "entries.1.assessmentId" should be "${open.id}"
    And the response field "entries.1.compliant" should be "undetermined"
    And the response field "entries.2.assessmentId" should be "${failing.id}"
    And the response field "entries.2.compliant" should be "false"

  @unit @negative
  Scenario: The ranking of an unknown profile is answered 404
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${uuid}" as profileId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Another organisation cannot rank the tender and gets 404
    Given the user is authenticated with a JWT with the scopes "assessments:read" of the organisation "other-org-${tag}"
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${profile.id}" as profileId
    Then the response should have status 404
    And the response should be a problem "NOT_FOUND"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: A profile id that is not a UUID is refused with 400
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "lot-1" as profileId
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/path/profileId"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Ranking without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${profile.id}" as profileId
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: Ranking with a token without assessments:read is refused with 403
    Given the user is authenticated with a JWT with the scopes "assessments:write" of the organisation "admin"
    When the user sends a GET request to "/api/v1/tender-profiles/{profileId}/ranking" with "${profile.id}" as profileId
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract
