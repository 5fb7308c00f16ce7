// Runs after the invocations of invoker.properties; basedir is this project's clone under target/it.
def log = new File(basedir, 'build.log').text
def fail = { String why -> throw new AssertionError(why + '\n--- build.log ---\n' + log) }
int at = 0
def expect = { String text ->
  int i = log.indexOf(text, at)
  if (i < 0) fail("expected after position $at: $text")
  at = i + text.length()
}
def goal = '[ERROR] Failed to execute goal io.jmigrate:jmigrate-maven-plugin:' + projectVersion + ':inspect (default-cli) on project inspect: '
expect(goal + 'jmigrate: no JDBC driver among the project\'s dependencies accepts jdbc:sqlite3:legacy.db: check the URL (jdbc:sqlite:,')
expect('[INFO] 2 table(s) with a model: author, book')
expect('titles')
expect('[INFO] jmigrate: wrote 2 model(s) to ')
expect('jmigrate: wrote ')
expect('V0001_')
expect('[INFO] baselined at version 1')
expect('[INFO] no drift: the database matches version 1')
expect('[INFO] 1 table(s) with a model: author')
expect('[INFO] jmigrate: wrote 1 entity to ')
expect(goal + 'jmigrate: cannot write the models: not overwriting 2 existing file(s)')
if (log.contains('\tat ')) fail('a stack trace was printed')

def models = new File(basedir, 'src/main/java/com/example/model')
if (models.list().sort() != ['Author.java', 'Book.java']) fail('models: ' + models.list().sort())
if (!new File(models, 'Book.java').text.contains('@Table')) fail('Book is not a model')
def entity = new File(basedir, 'target/jpa/com/example/entity/Author.java')
if (!entity.isFile() || !entity.text.contains('@Entity')) fail('no JPA entity for author')
if (new File(basedir, 'target/jpa/com/example/entity/Book.java').exists()) fail('-Djmigrate.tables=author wrote book too')
return true
