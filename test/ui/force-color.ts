// Frame tests read colours and inverse video, so chalk must emit them even though the
// test's stdout is not a terminal. Imported first by every UI test, before Ink loads chalk.
process.env.FORCE_COLOR = '1';
// Times in frames (describe's Start Time, history) are local time: pin the zone.
process.env.TZ = 'UTC';
