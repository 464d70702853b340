import CoachCore
print("coach-bench")
