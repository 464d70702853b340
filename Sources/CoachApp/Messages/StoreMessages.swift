import CoachCore
import CoachStore

#if canImport(Glibc)
  @preconcurrency import Glibc
#endif

extension L10n {
  /// A store failure as one or two sentences that say what happened and what the user can do.
  func describe(_ error: StoreError) -> StyledText {
    switch error {
    case .notFound(let id):
      return "\(t("No plan named", "没有名为")) \(id, .bold) \(t("in this workspace. `list` shows the plans there are.", "的计划。用 `list` 查看已有的计划。"))"
    case .exists(let id, let name):
      return "\(t("A plan named", "已经有名为")) \(name, .bold) \(t("already exists (id \(id)). Open it with `open \(id)`.", "的计划（id \(id)）。用 `open \(id)` 打开它。"))"
    case .syntax(let path, let e):
      return "\(path, .bold):\(e.line):\(e.column): \(t("this plan is damaged and was not changed", "该计划文件已损坏，未做任何改动"))\(t(" — ", "："))\(t(e.text))\(backupHint(path))"
    case .format(let path, let e):
      return "\(path, .bold): \(e.description(in: lang)) — \(t("the plan was not changed", "计划未做任何改动"))\(backupHint(path))"
    case .newerVersion(let path, let version):
      return
        "\(path, .bold): \(t("written by a newer version of coach (schemaVersion \(version)); update coach to open it.", "由更新版本的 coach 写入（schemaVersion \(version)），请升级 coach 后再打开。"))"
    case .locked(let id):
      return "\(id, .bold) \(t("is open in another session.", "正在另一个会话中打开。"))"
    case .io(let operation, let path, let code):
      return "\(t("Could not \(operationName(operation))", "无法\(operationName(operation))")) \(path, .bold): \(errnoText(code))"
    case .tooLarge(let path, let bytes, let limit):
      return "\(path, .bold): \(t("the file is \(bytes) bytes, more than the \(limit)-byte limit; it was not read.", "文件大小为 \(bytes) 字节，超过 \(limit) 字节的上限，未读取。"))"
    case .invalidName:
      return StyledText(t("A plan name needs at least one letter or digit.", "计划名称至少要包含一个字母、汉字或数字。"))
    case .readOnly(let id):
      return "\(id, .bold) \(t("is open read-only; nothing was saved.", "以只读方式打开，未保存任何内容。"))"
    case .notRegularFile(let path, let kind):
      return "\(path, .bold): \(t("is \(kindName(kind)), not a regular file; coach neither reads nor writes it.", "是\(kindName(kind))，不是普通文件；coach 不会读取或写入它。"))"
    case .changedOnDisk(let id):
      return
        "\(id, .bold) \(t("was changed on disk by another program or session since it was opened here; to keep that change, nothing was saved over it. `close` and `open \(id)` again to see the version on disk.", "自在这里打开后已被其他程序或会话在磁盘上修改；为保留那次修改，这里没有覆盖保存。请 `close` 后重新 `open \(id)` 查看磁盘上的版本。"))"
    case .lockLost(let id):
      return
        "\(id, .bold) \(t("was opened for writing by another session after its lock file was deleted; to keep that session's answers, nothing was saved here.", "在锁文件被删除后被另一个会话以可写方式打开；为保留那个会话的回答，这里没有保存。"))"
    }
  }

  private func kindName(_ kind: String) -> String {
    switch kind {
    case "fifo": return t("a named pipe (FIFO)", "命名管道（FIFO）")
    case "directory": return t("a folder", "文件夹")
    case "device": return t("a device", "设备文件")
    case "socket": return t("a socket", "套接字")
    case "symlink": return t("a symbolic link", "符号链接")
    default: return t("a special file", "特殊文件")
    }
  }

  private func backupHint(_ path: String) -> String {
    t(" (the previous version, if any, is in \(path).bak)", "（如有上一版本，保存在 \(path).bak）")
  }

  private func operationName(_ op: String) -> String {
    switch op {
    case "open", "read": return t("read", "读取")
    case "mkdir": return t("create the folder", "创建文件夹")
    case "list": return t("list", "列出")
    case "lock": return t("lock", "锁定")
    case "sync": return t("flush to disk", "写入磁盘")
    default: return t("save", "保存")
    }
  }

  func errnoText(_ code: Int32) -> String {
    switch code {
    case ENOSPC: return t("the disk is full", "磁盘已满")
    case EROFS: return t("the file system is read-only", "文件系统为只读")
    case EACCES, EPERM: return t("permission denied", "没有权限")
    case EDQUOT: return t("the disk quota is used up", "磁盘配额已用完")
    case EFBIG: return t("the file is too large for this file system", "文件超出文件系统允许的大小")
    case ENOENT: return t("no such file or folder", "文件或文件夹不存在")
    case ENOTDIR: return t("a part of the path is not a folder", "路径中有一部分不是文件夹")
    case EIO: return t("an input/output error", "输入/输出错误")
    case ELOOP: return t("the path is a symbolic link, which is not followed", "路径是符号链接，不予跟随")
    default: return t("system error \(code)", "系统错误 \(code)") + " (" + String(cString: strerror(code)) + ")"
    }
  }

}
