/// The text of a new course's files and of a new track's `track.yml`.
///
/// Each key has a comment above it saying what it is, so the file is its own reference.
enum CourseTemplate {
    static func courseFile(id: String, title: String) -> String {
        """
        # yaml-language-server: $schema=schema/course.schema.json
        # A Crucible course. Run it with `crucible --lessons DIR`; check it with
        # `crucible lint DIR` and `crucible verify --lessons DIR`.

        # Stable id of the course: the learner's progress is kept under it, so keep it once published.
        id: \(id)
        # Shown in the header.
        title: \(title)
        # Shown on first launch.
        welcome: |
          Welcome to \(title). Each lesson takes a few minutes and ends in
          something to do. Your progress is saved as you go.
        # Shown when every lesson is passed (optional).
        final: |
          You have finished \(title). Well done.
        # Tools the checks run that Crucible does not know (optional): how to probe and install
        # each, and whether it builds the learner's code (kind: build) or runs it (kind: program).
        # tools:
        #   clippy-driver:
        #     purpose: "Rust's linter"
        #     kind: build
        #     version: [--version]
        #     install: { debian: "rustup component add clippy" }

        """
    }

    /// One achievement that any course can earn, showing the format.
    static let achievementsFile = """
        # yaml-language-server: $schema=schema/achievements.schema.json
        # Achievements the learner earns once each, shown by `crucible progress`. Each has one
        # condition: completeLessons, completeTrack, firstTryPasses, streakDays,
        # trackWithoutHints, passLesson (marks a track's boss lesson) or reachLevel.

        - id: first-light
          title: First light
          description: Pass your first lesson.
          condition: { completeLessons: 1 }

        """

    static func readme(title: String, folder: String) -> String {
        """
        # \(title)

        A course for Crucible, a game-like course that runs in the terminal. Run it from a
        clone of this repository:

        ```sh
        crucible --lessons \(folder)              # open the course
        crucible --lessons \(folder) list         # its tracks and lessons
        ```

        Authors check it before every commit:

        ```sh
        crucible lint \(folder)                   # every mistake, as file:line:col: messages
        crucible verify --lessons \(folder)       # starters fail, solutions pass, answers are right
        ```

        `schema/` holds JSON Schemas for the course files; editors with the YAML language
        server use them to complete and check fields.

        """
    }

    static func trackFile(id: String, title: String) -> String {
        """
        # yaml-language-server: $schema=../schema/track.schema.json
        # Stable id of the track, unique across the course; lesson ids in it start with it.
        id: \(id)
        # Shown on the course map.
        title: \(title)
        # One or two sentences shown on the course map.
        summary: What this track teaches, in a sentence or two.

        """
    }
}
