import Foundation
import HQLSyntax

/// Reads scripts from files, the command line or stdin into `SourceFile`s.
enum ScriptSource {
    /// Reads a script file, failing with exit status 3 when it cannot be read.
    static func read(path: String) throws -> SourceFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(status: .fileNotFound, message: "hqlrun: cannot read '\(path)': no such file\n")
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }

    /// The text of `-e 'SQL'`.
    static func commandLine(_ text: String) -> SourceFile {
        SourceFile(name: "<command-line>", text: text)
    }

    /// Everything on stdin.
    static func standardInput() -> SourceFile {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return SourceFile(name: "<stdin>", bytes: [UInt8](data))
    }
}
