def log = new File(basedir, 'build.log').text
assert log.contains('outage audit skipped (outage.skip)')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/outage').exists()
