def log = new File(basedir, 'build.log').text
assert log.contains('outage audit: 0 errors, 0 warnings, 0 notes in 10 files')
assert log.contains('BUILD SUCCESS')
