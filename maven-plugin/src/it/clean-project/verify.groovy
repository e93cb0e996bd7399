def log = new File(basedir, 'build.log').text
assert log.contains('outage audit: 0 errors, 0 warnings, 0 notes in 1 file')
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/outage/outage.txt').text.trim() == '0 errors, 0 warnings, 0 notes in 1 file'
