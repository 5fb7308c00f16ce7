// Runs after the invocations of invoker.properties; basedir is this project's clone under target/it.
def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + log) }
int at = 0
def expect = { String text ->
  int i = log.indexOf(text, at)
  if (i < 0) fail("expected after position $at: $text")
  at = i + text.length()
}
def goal = '[ERROR] Failed to execute goal io.jmigrate:jmigrate-maven-plugin:' + projectVersion
expect(goal + ':squash (default-cli) on project squash: jmigrate: squash needs the version to squash through')
expect('-Djmigrate.squash=N')
expect('[INFO] jmigrate: squashed 2 migrations into ')
expect('V0002_Squashed.java')
expect('[INFO] applied V0002 squashed versions 1 to 2')
expect('[INFO] [X] V0002 squashed versions 1 to 2')
if (log.contains('\tat ')) fail('a stack trace was printed')

def migrations = new File(basedir, 'src/main/java/com/example/migrations')
if (migrations.list().sort() != ['V0002_Squashed.java']) fail('migrations: ' + migrations.list().sort())
if (!new File(migrations, 'V0002_Squashed.java').text.contains('extends SquashedMigration')) fail('not a squashed migration')
def snapshot = new File(basedir, 'src/main/resources/jmigrate/schema.json').text
if (!snapshot.contains('"class": "com.example.migrations.V0002_Squashed"')) fail('the snapshot: ' + snapshot)
def classes = new File(basedir, 'target/classes/com/example/migrations').list().sort()
if (classes != ['V0002_Squashed.class']) fail('target/classes: ' + classes)

def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, 'target/app.db'), new Properties())
try {
  def rs = db.createStatement().executeQuery('SELECT version FROM jmigrate_history ORDER BY version')
  def versions = []
  while (rs.next()) versions << rs.getInt(1)
  if (versions != [2]) fail('history: ' + versions)
  db.createStatement().executeQuery('SELECT isbn, title, author_id FROM book').close()
} finally {
  db.close()
}
return true
