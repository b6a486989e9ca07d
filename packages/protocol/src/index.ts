// Work on this package has not started: it exports nothing yet.
export {};
