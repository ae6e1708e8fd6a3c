// Integration tests talk to real servers; give slow machines room (a single test sets its own).
jest.setTimeout(30_000);
