@method=GET @endpoint=/api/v1/audit-events
Feature: The audit trail (listAuditEvents)
  Security-relevant and business actions, newest first, append-only: changes, authentication
  failures and permission denials with actor, organisation, outcome, UTC time and request ids.
  Needs admin.

  Background:
    Given the user is authenticated with the administrator API key

  @smoke
  Scenario: An administrator reads the audit trail smoke type test
    Given the user wants to review who did what
    And the request has the query parameters:
      | pageSize | 20 |
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should be returned in a timely manner 15000ms
    And the response should have status 200
    And the response should have "content-type": "application/json" header
    And the response should match the json schema of the contract

  @unit @positive @jwt
  Scenario: A change is audited with its actor, organisation, outcome and request id
    Given the user is authenticated with a JWT with the scopes "criteria:admin" of the organisation "audit-${tag}"
    And the request body is the test data "criterion-set"
    And the request has the header "X-Request-ID" with the value "audit-request-${tag}"
    When the user then sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 201
    Given the user is authenticated with the administrator API key
    And the request has the query parameters:
      | organisation | audit-${tag}       |
      | action       | createCriterionSet |
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "items" should have 1 item
    And the response field "items.0.outcome" should be "success"
    And the response field "items.0.authentication" should be "jwt"
    And the response field "items.0.requestId" should be "audit-request-${tag}"
    And the response field "items.0.actor" should contain "harness-"
    And the response field "items.0.at" should contain "Z"

  @unit @positive @jwt
  Scenario: A permission denial is audited
    Given the user is authenticated with a JWT with the scopes "criteria:read" of the organisation "audit-${tag}"
    And the request body is the test data "criterion-set"
    When the user then sends a POST request to "/api/v1/criterion-sets"
    Then the response should have status 403
    Given the user is authenticated with the administrator API key
    And the request has the query parameters:
      | organisation | audit-${tag} |
      | outcome      | denied       |
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response field "items" should have at least 1 item
    And every item of "items" should have "outcome" equal to "denied"

  @unit @positive
  Scenario: A failed authentication is audited
    Given the user is not authenticated
    And the request has the header "X-Request-ID" with the value "unauthenticated-${tag}"
    When the user then sends a GET request to "/api/v1/assessments"
    Then the response should have status 401
    Given the user is authenticated with the administrator API key
    And the request has the query parameters:
      | action   | authentication.failed |
      | pageSize | 200                   |
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 200
    And the response should match the json schema of the contract
    And the response body should contain "unauthenticated-${tag}"

  @unit @negative
  Scenario: An unknown outcome is refused with 400
    Given the request has the query parameters:
      | outcome | maybe |
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 400
    And the response should be a problem "VALIDATION_FAILED"
    And the problem should name the field "/query/outcome"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: Reading the audit trail without credentials is refused with 401
    Given the user is not authenticated
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 401
    And the response should be a problem "UNAUTHORIZED"
    And the response should match the json schema of the contract

  @unit @negative @jwt
  Scenario: A non-administrator cannot read the audit trail and gets 403
    Given the user is authenticated with a JWT with the scopes "assessments:read criteria:read" of the organisation "harness-org"
    When the user sends a GET request to "/api/v1/audit-events"
    Then the response should have status 403
    And the response should be a problem "INSUFFICIENT_SCOPE"
    And the response should match the json schema of the contract

  @unit @negative
  Scenario: POST on the audit trail is refused with 405 (it is append-only)
    When the user sends a POST request to "/api/v1/audit-events"
    Then the response should have status 405
    And the response should have "Allow": "GET" header
    And the response should be a problem "METHOD_NOT_ALLOWED"
    And the response should match the json schema of the contract
