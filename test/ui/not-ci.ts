// Ink reads CI once, when it loads, and in CI it writes no frame until exit: tests that count
// the frames a terminal gets import this before Ink, so they measure the same on CI as here.
process.env.CI = 'false';
process.env.CONTINUOUS_INTEGRATION = 'false';
