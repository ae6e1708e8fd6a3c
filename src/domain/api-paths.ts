/** Where the API's resources live: links in answers and in events are built from it. */
export const API_BASE = '/api/v1';
