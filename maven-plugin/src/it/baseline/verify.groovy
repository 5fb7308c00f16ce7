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
expect(goal + ':status (default-cli) on project baseline: jmigrate: no database: set <url> in the '
    + "jmigrate-maven-plugin's configuration or pass -Djmigrate.url=jdbc:")
expect(goal + ':baseline (default-cli) on project baseline: jmigrate: cannot baseline at version 1')
expect('book.title')
expect('[INFO] baselined at version 1')
expect('[INFO] [X] V0001 create table author; create table book')
expect('[INFO] no drift: the database matches version 1')
expect('[INFO] up to date at version 1')
if (log.contains('\tat ')) fail('a stack trace was printed')

def rows = { String name, String sql ->
  def db = new org.sqlite.JDBC().connect('jdbc:sqlite:' + new File(basedir, name), new Properties())
  try {
    def rs = db.createStatement().executeQuery(sql)
    def out = []
    while (rs.next()) out << rs.getObject(1)
    return out
  } finally {
    db.close()
  }
}
def tables = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
if (rows('drifted.db', tables) != ['author', 'book']) fail('the refused baseline recorded something: ' + rows('drifted.db', tables))
if (rows('legacy.db', 'SELECT version FROM jmigrate_history') != [1]) fail('legacy.db history: ' + rows('legacy.db', 'SELECT version FROM jmigrate_history'))
if (rows('legacy.db', 'SELECT name FROM author') != ['Ursula K. Le Guin']) fail('the row is gone')
return true
